"use client";

import { useCallback, useRef } from "react";

/**
 * Orders overlapping loads of one list: `begin()` marks a new load and returns a check that stays
 * true only while no later load has begun. A slow answer to an older query (the list reloaded after
 * a save, then the user typed a new search) is dropped instead of replacing the newer answer.
 */
export function useLatest(): () => () => boolean {
  const counter = useRef(0);
  return useCallback(() => {
    const mine = ++counter.current;
    return () => mine === counter.current;
  }, []);
}
