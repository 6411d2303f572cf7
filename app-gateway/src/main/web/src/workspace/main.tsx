import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { TokenStore } from '@gateway/web-base/tokenStore';
import { SessionProvider, TOKEN_STORAGE_KEY } from './session';
import { WorkspaceApp } from './WorkspaceApp';
import '@gateway/web-base/base.css';
import '../styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider store={new TokenStore(TOKEN_STORAGE_KEY)}>
        <WorkspaceApp />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
