import type { ReactNode } from 'react';
import { ApiError } from '@gateway/web-base/problem';
import type { WorkspaceInfo } from '../api/types';
import { ErrorMessage, Loading } from '../common/forms';
import { siteUrl } from '../common/links';
import type { InfoState } from '../join/workspaceInfo';

/** Frame of the pages before sign-in: the workspace's name once known, or why there is none. */
export function PublicPage({
  info,
  title,
  children,
}: {
  info: InfoState;
  title: (company: string) => string;
  children: (workspace: WorkspaceInfo) => ReactNode;
}) {
  return (
    <main id="main" className="narrow">
      <p className="brand">{info.state === 'found' ? info.info.company_name : 'Gateway'}</p>
      {info.state === 'loading' && <Loading what="the workspace" />}
      {info.state === 'failed' &&
        (info.error instanceof ApiError && info.error.status === 404 ? (
          <div className="error" role="alert">
            There is no workspace at this address. <a href={`${siteUrl()}/login`}>Find your workspace</a>
          </div>
        ) : (
          <ErrorMessage error={info.error} />
        ))}
      {info.state === 'found' && (
        <>
          <h1>{title(info.info.company_name)}</h1>
          {children(info.info)}
        </>
      )}
    </main>
  );
}
