import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { SessionProvider } from './session';
import { TokenStore } from './auth/tokenStore';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider store={new TokenStore()}>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
