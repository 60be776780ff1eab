import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { forgetProviderList } from '../personal.jsx';

// jsdom has no layout: scrolling is a no-op here (and says so loudly if left alone).
window.scrollTo = () => {};

// Pages are lazy chunks in the browser; here their code is loaded before each test (after
// the test file's mocks are in place), so a page renders as it did before the split.
beforeEach(async () => {
  const { preloadPages } = await import('../App.jsx');
  await preloadPages();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  forgetProviderList();
  window.localStorage.clear();
  vi.useRealTimers();
  window.history.replaceState(null, '', '/');
});
