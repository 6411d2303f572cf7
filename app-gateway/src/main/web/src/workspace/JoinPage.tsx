import { Link } from 'react-router-dom';
import { JoinForm } from '../join/JoinForm';
import { useWorkspaceInfo } from '../join/workspaceInfo';
import { PublicPage } from './PublicPage';
import { useSession } from './session';

export function JoinPage() {
  const { api } = useSession();
  const info = useWorkspaceInfo(api);
  return (
    <PublicPage info={info} title={(company) => `Join ${company}`}>
      {(workspace) => (
        <>
          <JoinForm api={api} workspace={workspace} signInUrl="/login" />
          <p>
            <Link to="/login">Already a member? Sign in</Link>
          </p>
        </>
      )}
    </PublicPage>
  );
}
