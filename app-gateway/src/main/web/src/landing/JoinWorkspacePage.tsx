import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '@gateway/web-base/problem';
import { createWorkspaceApi } from '../api/workspace';
import { ErrorMessage, Loading } from '../common/forms';
import { workspaceUrl } from '../common/links';
import { JoinForm } from '../join/JoinForm';
import { useWorkspaceInfo } from '../join/workspaceInfo';

/** /signup/<key> on the base domain: the tenant API, told which tenant by X-Tenant-ID. */
export function JoinWorkspacePage() {
  const { key = '' } = useParams();
  const api = useMemo(() => createWorkspaceApi({ tenantKey: key }), [key]);
  const info = useWorkspaceInfo(api);

  return (
    <main id="main">
      {info.state === 'found' ? <h1>Join {info.info.company_name}</h1> : <h1>Join a workspace</h1>}
      {info.state === 'loading' && <Loading what="the workspace" />}
      {info.state === 'failed' &&
        (info.error instanceof ApiError && (info.error.status === 404 || info.error.status === 400) ? (
          <div className="error" role="alert">
            There is no workspace called {key}. <Link to="/login">Find your workspace</Link>
          </div>
        ) : (
          <ErrorMessage error={info.error} />
        ))}
      {info.state === 'found' && <JoinForm api={api} workspace={info.info} signInUrl={`${workspaceUrl(key)}/login`} />}
    </main>
  );
}
