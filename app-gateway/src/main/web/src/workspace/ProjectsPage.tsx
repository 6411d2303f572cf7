import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Project } from '../api/types';
import { ErrorMessage, Loading, TextField, useFormErrors } from '../common/forms';
import { useSession } from './session';

const FIELDS = ['name', 'description'] as const;
const RENAME_FIELDS = ['name'] as const;

function ProjectRow({ project, onChanged, onDeleted }: { project: Project; onChanged: (p: Project) => void; onDeleted: () => void }) {
  const { api } = useSession();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(project.name);
  const [busy, setBusy] = useState(false);
  const idPrefix = `rename-${project.id}-`;
  const { fieldErrors, formError, capture, clear } = useFormErrors(RENAME_FIELDS, undefined, idPrefix);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    clear();
    try {
      await action();
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card project">
      {mode === 'rename' ? (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              onChanged(await api.renameProject(project.id, name.trim()));
              setMode('view');
            });
          }}
        >
          <TextField
            id={`${idPrefix}name`}
            label={`New name for ${project.name}`}
            value={name}
            error={fieldErrors.name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
          <button
            type="button"
            onClick={() => {
              setName(project.name);
              clear();
              setMode('view');
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <div className="project-head">
          <h2>
            <Link to={`/projects/${project.id}`}>{project.name}</Link>
          </h2>
          <div className="actions">
            <button type="button" onClick={() => setMode('rename')} aria-label={`Rename ${project.name}`}>
              Rename
            </button>
            <button type="button" className="danger" onClick={() => setMode('delete')} aria-label={`Delete ${project.name}`}>
              Delete
            </button>
          </div>
        </div>
      )}
      {project.description && <p className="muted">{project.description}</p>}
      {mode === 'delete' && (
        <div className="confirm" role="group" aria-label={`Delete ${project.name}?`}>
          <p>Delete {project.name} and all its tasks? This cannot be undone.</p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await api.deleteProject(project.id);
                  onDeleted();
                })
              }
            >
              Delete project
            </button>
            <button type="button" onClick={() => setMode('view')} autoFocus>
              Keep it
            </button>
          </div>
        </div>
      )}
      <ErrorMessage error={formError} />
    </li>
  );
}

export function ProjectsPage() {
  const { api } = useSession();
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const { fieldErrors, formError, capture, clear } = useFormErrors(FIELDS);

  useEffect(() => {
    api.projects().then(setProjects).catch(setLoadError);
  }, [api]);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    clear();
    try {
      const created = await api.createProject(name.trim(), description.trim());
      setProjects((list) => [...(list ?? []), created]);
      setName('');
      setDescription('');
    } catch (err) {
      capture(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main">
      <h1>Projects</h1>
      <form className="card stacked" onSubmit={create} aria-busy={busy} aria-labelledby="new-project" noValidate>
        <h2 id="new-project">New project</h2>
        <TextField id="name" label="Name" value={name} required error={fieldErrors.name} onChange={(e) => setName(e.target.value)} />
        <TextField
          id="description"
          label="Description (optional)"
          value={description}
          error={fieldErrors.description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <ErrorMessage error={formError} />
        <button type="submit" className="primary" disabled={busy}>
          Create project
        </button>
      </form>
      {!projects && !loadError && <Loading what="projects" />}
      <ErrorMessage error={loadError} />
      {projects?.length === 0 && <p className="empty">No projects yet: create the first one above.</p>}
      <ul className="projects">
        {projects?.map((p) => (
          <ProjectRow
            key={p.id}
            project={p}
            onChanged={(changed) => setProjects((list) => list?.map((x) => (x.id === changed.id ? changed : x)) ?? null)}
            onDeleted={() => setProjects((list) => list?.filter((x) => x.id !== p.id) ?? null)}
          />
        ))}
      </ul>
    </main>
  );
}
