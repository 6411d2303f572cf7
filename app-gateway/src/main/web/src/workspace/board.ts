import type { Task, TaskStatus } from '../api/types';

export const COLUMNS: { status: TaskStatus; title: string }[] = [
  { status: 'todo', title: 'To do' },
  { status: 'doing', title: 'Doing' },
  { status: 'done', title: 'Done' },
];

/** The moves a card offers from its column: a label for the button and where it goes. */
export function movesFrom(status: TaskStatus): { to: TaskStatus; label: string }[] {
  switch (status) {
    case 'todo':
      return [
        { to: 'doing', label: 'Start' },
        { to: 'done', label: 'Complete' },
      ];
    case 'doing':
      return [
        { to: 'todo', label: 'Back to to do' },
        { to: 'done', label: 'Complete' },
      ];
    case 'done':
      return [{ to: 'todo', label: 'Reopen' }];
  }
}

export function byColumn(tasks: Task[]): Record<TaskStatus, Task[]> {
  const columns: Record<TaskStatus, Task[]> = { todo: [], doing: [], done: [] };
  tasks.forEach((t) => columns[t.status]?.push(t));
  return columns;
}
