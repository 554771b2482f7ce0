import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'react-2fa-phone/styles.css';
import './console.css';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
