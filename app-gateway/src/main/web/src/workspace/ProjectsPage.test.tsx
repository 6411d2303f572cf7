import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '@gateway/web-base/test/fakeFetch';
import { meAs, page, renderWorkspace, workspaceBackend } from '../test/workspace';

const MOVE = { id: 'p1', name: 'Warehouse move', description: 'Q3' };

describe('projects', () => {
  it('creates, renames and deletes a project', async () => {
    const calls = workspaceBackend(meAs('member'), (call) => {
      if (call.url.startsWith('/api/projects?')) return page([MOVE]);
      if (call.url === '/api/projects' && call.method === 'POST') {
        const { name } = call.body as { name: string };
        return name ? json(201, { id: 'p2', name, description: null }) : undefined;
      }
      if (call.url === '/api/projects/p1' && call.method === 'PATCH') return json(200, { ...MOVE, ...(call.body as object) });
      if (call.url === '/api/projects/p1' && call.method === 'DELETE') return new Response(null, { status: 204 });
      return undefined;
    });
    renderWorkspace('/projects', meAs('member'));
    const user = userEvent.setup();

    expect(await screen.findByRole('link', { name: 'Warehouse move' })).toHaveAttribute('href', '/projects/p1');
    await user.type(screen.getByLabelText('Name'), 'Hiring');
    await user.click(screen.getByRole('button', { name: 'Create project' }));
    expect(await screen.findByRole('link', { name: 'Hiring' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Rename Warehouse move' }));
    const rename = screen.getByLabelText('New name for Warehouse move');
    expect(rename).toHaveFocus();
    await user.clear(rename);
    await user.type(rename, 'Warehouse move 2{Enter}');
    expect(await screen.findByRole('link', { name: 'Warehouse move 2' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete Warehouse move 2' }));
    expect(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    await screen.findByRole('link', { name: 'Hiring' });
    expect(screen.queryByRole('link', { name: 'Warehouse move 2' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/projects',
      'PATCH /api/projects/p1',
      'DELETE /api/projects/p1',
    ]);
  });

  it('shows a refused name next to the field', async () => {
    workspaceBackend(meAs('member'), (call) => {
      if (call.url.startsWith('/api/projects?')) return page([]);
      if (call.method === 'POST') {
        return problem(400, 'validation', 'Bad Request', 'must not be blank', { errors: [{ field: 'create.request.name', message: 'must not be blank' }] });
      }
      return undefined;
    });
    renderWorkspace('/projects', meAs('member'));
    const user = userEvent.setup();

    expect(await screen.findByText('No projects yet: create the first one above.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create project' }));

    expect(await screen.findByText('must not be blank')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveFocus();
  });
});
