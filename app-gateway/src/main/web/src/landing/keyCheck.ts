import { useEffect, useState } from 'react';
import { describeError } from '@gateway/web-base/problem';
import type { PlatformApi } from '../api/platform';

export type KeyState =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'available' }
  | { state: 'unavailable'; reason: string; detail: string }
  | { state: 'unknown'; message: string };

export const KEY_CHECK_DELAY_MS = 300;

/**
 * Asks the registry whether a workspace key is free once the typing pauses: one request per pause,
 * and an answer about a key that is no longer in the field is dropped (its request is aborted).
 */
export function useKeyCheck(api: PlatformApi, key: string, delayMs = KEY_CHECK_DELAY_MS): KeyState {
  const [result, setResult] = useState<KeyState>({ state: 'idle' });
  useEffect(() => {
    if (!key) {
      setResult({ state: 'idle' });
      return undefined;
    }
    setResult({ state: 'checking' });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .checkKey(key, controller.signal)
        .then((answer) =>
          setResult(answer.available ? { state: 'available' } : { state: 'unavailable', reason: answer.reason, detail: answer.detail }),
        )
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setResult({ state: 'unknown', message: describeError(error) });
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key, delayMs]);
  return result;
}
