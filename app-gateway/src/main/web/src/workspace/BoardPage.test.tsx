import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json } from '@gateway/web-base/test/fakeFetch';
import type { Task } from '../api/types';
import { meAs, page, renderWorkspace, user as person, workspaceBackend } from '../test/workspace';

const PROJECT = { id: 'p1', name: 'Warehouse move', description: null };

function task(id: string, title: string, status: Task['status'], assignee_id: string | null = null): Task {
  return { id, project_id: 'p1', title, status, assignee_id };
}

function board(tasks: Task[]) {
  const state = new Map(tasks.map((t) => [t.id, t]));
  return workspaceBackend(meAs('member'), (call) => {
    if (call.url === '/api/projects/p1') return json(200, PROJECT);
    if (call.url.startsWith('/api/projects/p1/tasks?')) return page([...state.values()]);
    if (call.url === '/api/projects/p1/tasks' && call.method === 'POST') {
      const body = call.body as { title: string; assignee_id?: string };
      return json(201, task('t-new', body.title, 'todo', body.assignee_id ?? null));
    }
    if (call.url.startsWith('/api/users?')) return page([person('u-bob', 'bob@acme.test', 'active', 'member', 'Bob'), person('u-ada', 'ada@acme.test', 'active', 'admin', 'Ada')]);
    const patch = call.url.match(/^\/api\/tasks\/(.+)$/);
    if (patch && call.method === 'PATCH') {
      const changed = { ...state.get(patch[1])!, ...(call.body as Partial<Task>) };
      state.set(changed.id, changed);
      return json(200, changed);
    }
    return undefined;
  });
}

const column = (name: RegExp) => screen.getByRole('region', { name });

describe('task board', () => {
  it('shows tasks in their columns and moves them through doing to done', async () => {
    const calls = board([task('t1', 'Pack boxes', 'todo'), task('t2', 'Book truck', 'doing')]);
    renderWorkspace('/projects/p1', meAs('member'));
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'Warehouse move' })).toBeInTheDocument();
    expect(within(column(/To do/)).getByText('Pack boxes')).toBeInTheDocument();
    expect(within(column(/Doing/)).getByText('Book truck')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start Pack boxes' }));
    expect(await within(column(/Doing/)).findByText('Pack boxes')).toBeInTheDocument();
    expect(within(column(/To do/)).getByText('Nothing here.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Complete Pack boxes' }));
    expect(await within(column(/Done/)).findByText('Pack boxes')).toBeInTheDocument();
    expect(within(column(/Done/)).getByRole('button', { name: 'Reopen Pack boxes' })).toBeInTheDocument();

    expect(calls.filter((c) => c.method === 'PATCH').map((c) => [c.url, c.body])).toEqual([
      ['/api/tasks/t1', { status: 'doing' }],
      ['/api/tasks/t1', { status: 'done' }],
    ]);
  });

  it('assigns a task and adds new ones to the to-do column', async () => {
    const calls = board([task('t1', 'Pack boxes', 'todo')]);
    renderWorkspace('/projects/p1', meAs('member'));
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByLabelText('Assignee of Pack boxes'), 'Bob');
    expect(await screen.findByLabelText('Assignee of Pack boxes')).toHaveValue('u-bob');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ assignee_id: 'u-bob' });

    await user.type(screen.getByLabelText('New task'), 'Label shelves');
    await user.selectOptions(screen.getByLabelText('Assign to'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add task' }));

    expect(await within(column(/To do/)).findByText('Label shelves')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ title: 'Label shelves', assignee_id: 'u-ada' });
  });
});
