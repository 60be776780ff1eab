import { startTransition, useCallback, useEffect, useState } from 'react';
import { isAbort } from './api.js';

// One answer from the API with its loading and error states. A newer key (or leaving the
// page) aborts the request in flight, so a late answer never overwrites a newer one.
// `load(signal)` returns a promise; `retry()` asks again. The answer is drawn as a
// transition: a long list is rendered in slices, the page answering between them.
export function useFetched(load, key) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState({ status: 'loading', data: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading', data: null, error: null });
    load(controller.signal).then(
      (data) => controller.signal.aborted || startTransition(() => setState({ status: 'ready', data, error: null })),
      (error) => controller.signal.aborted || isAbort(error) || setState({ status: 'error', data: null, error }),
    );
    return () => controller.abort();
    // `load` is a fresh closure each render: the key alone says when the answer changes.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...state, retry };
}
