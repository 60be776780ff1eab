import { useEffect, useRef } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// What makes a box modal (Dialog, FilterSheet): focus moves into it (its [data-autofocus]
// element, or its first field) and stays there, Tab and Shift+Tab wrapping around; Escape
// or a press on the backdrop closes it; focus then goes back to what opened it; the page
// behind does not scroll meanwhile. Returns the box's ref, its keydown handler and the
// backdrop's mousedown handler.
export function useModal(onClose) {
  const box = useRef(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement;
    const first = box.current.querySelector('[data-autofocus]') ?? box.current.querySelector(FOCUSABLE);
    first?.focus();
    document.body.classList.add('sheet-open');
    return () => {
      document.body.classList.remove('sheet-open');
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  function onKeyDown(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...box.current.querySelectorAll(FOCUSABLE)];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || !box.current.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const onBackdrop = (event) => event.target === event.currentTarget && close.current();
  return { box, onKeyDown, onBackdrop, close: () => close.current() };
}
