import { useEffect, useRef } from 'preact/hooks';

/** A ref whose element gets the focus when it mounts (a form that just opened). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
