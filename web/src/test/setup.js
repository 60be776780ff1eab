import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { forgetProviderList } from '../personal.jsx';

// jsdom has no layout: scrolling is a no-op here (and says so loudly if left alone).
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  forgetProviderList();
  window.localStorage.clear();
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});
