import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { TokenStore } from '@gateway/web-base/tokenStore';
import { SessionProvider, TOKEN_STORAGE_KEY } from './session';
import '@gateway/web-base/base.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider store={new TokenStore(TOKEN_STORAGE_KEY)}>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
