import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { LandingApp } from './LandingApp';
import '@gateway/web-base/base.css';
import '../styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <LandingApp />
    </BrowserRouter>
  </StrictMode>,
);
