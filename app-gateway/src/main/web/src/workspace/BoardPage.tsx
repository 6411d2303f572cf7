import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Project, Task, TaskStatus, User } from '../api/types';
import { ErrorMessage, Loading, TextField, useFormErrors } from '../common/forms';
import { COLUMNS, byColumn, movesFrom } from './board';
import { useSession } from './session';

const FIELDS = ['title', 'assignee_id'] as const;

function personName(user: User): string {
  return user.name || user.email || 'someone';
}

function TaskCard({
  task,
  people,
  busy,
  onMove,
  onAssign,
}: {
  task: Task;
  people: User[];
  busy: boolean;
  onMove: (to: TaskStatus) => void;
  onAssign: (assigneeId: string | null) => void;
}) {
  const titleId = `task-${task.id}`;
  return (
    <li className="task" aria-labelledby={titleId}>
      <p id={titleId} className="task-title">
        {task.title}
      </p>
      <label htmlFor={`assignee-${task.id}`} className="visually-hidden">
        Assignee of {task.title}
      </label>
      <select
        id={`assignee-${task.id}`}
        value={task.assignee_id ?? ''}
        disabled={busy}
        onChange={(e) => onAssign(e.target.value || null)}
      >
        <option value="">Unassigned</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {personName(p)}
          </option>
        ))}
      </select>
      <div className="actions">
        {movesFrom(task.status).map((move) => (
          <button key={move.to} type="button" disabled={busy} onClick={() => onMove(move.to)} aria-label={`${move.label} ${task.title}`}>
            {move.label}
          </button>
        ))}
      </div>
    </li>
  );
}

export function BoardPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const [project, setProject] = useState<Project | null>(null);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [people, setPeople] = useState<User[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busyTask, setBusyTask] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [adding, setAdding] = useState(false);
  const { fieldErrors, formError, capture, clear } = useFormErrors(FIELDS);

  useEffect(() => {
    Promise.all([api.project(id), api.tasks(id)])
      .then(([p, t]) => {
        setProject(p);
        setTasks(t);
      })
      .catch(setLoadError);
    api
      .users('active')
      .then(setPeople)
      .catch(() => setPeople([]));
  }, [api, id]);

  async function change(task: Task, call: () => Promise<Task>) {
    setBusyTask(task.id);
    setActionError(null);
    try {
      const changed = await call();
      setTasks((list) => list?.map((t) => (t.id === changed.id ? changed : t)) ?? null);
    } catch (err) {
      setActionError(err);
    } finally {
      setBusyTask(null);
    }
  }

  async function add(e: React.FormEvent) {
    e.preventDefault();
    setAdding(true);
    clear();
    try {
      const created = await api.createTask(id, title.trim(), assignee || null);
      setTasks((list) => [...(list ?? []), created]);
      setTitle('');
    } catch (err) {
      capture(err);
    } finally {
      setAdding(false);
    }
  }

  if (loadError) {
    return (
      <main id="main">
        <ErrorMessage error={loadError} />
        <Link to="/projects">Back to the projects</Link>
      </main>
    );
  }
  if (!project || !tasks) {
    return (
      <main id="main">
        <Loading what="the board" />
      </main>
    );
  }

  const columns = byColumn(tasks);
  return (
    <main id="main">
      <p>
        <Link to="/projects">← Projects</Link>
      </p>
      <h1>{project.name}</h1>
      <form className="inline card" onSubmit={add} aria-busy={adding} aria-label="Add a task" noValidate>
        <TextField id="title" label="New task" value={title} required error={fieldErrors.title} onChange={(e) => setTitle(e.target.value)} />
        <div className="field">
          <label htmlFor="assignee_id">Assign to</label>
          <select id="assignee_id" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">Unassigned</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {personName(p)}
              </option>
            ))}
          </select>
          {fieldErrors.assignee_id && <p className="field-error">{fieldErrors.assignee_id}</p>}
        </div>
        <button type="submit" className="primary" disabled={adding}>
          Add task
        </button>
        <ErrorMessage error={formError} />
      </form>
      <ErrorMessage error={actionError} />
      <div className="board">
        {COLUMNS.map((column) => (
          <section key={column.status} className="column" aria-labelledby={`column-${column.status}`}>
            <h2 id={`column-${column.status}`}>
              {column.title} <span className="count">{columns[column.status].length}</span>
            </h2>
            {columns[column.status].length === 0 ? (
              <p className="muted">Nothing here.</p>
            ) : (
              <ul>
                {columns[column.status].map((task) => (
                  <TaskCard
                    key={task.id}
                    task={task}
                    people={people}
                    busy={busyTask === task.id}
                    onMove={(to) => void change(task, () => api.moveTask(task.id, to))}
                    onAssign={(assigneeId) => void change(task, () => api.assignTask(task.id, assigneeId))}
                  />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </main>
  );
}
