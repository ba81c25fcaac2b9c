import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { KioskApp } from './KioskApp';
import './kiosk.css';

const root = document.getElementById('root');
if (!root) throw new Error('kiosk.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <KioskApp />
  </StrictMode>,
);
