// Runs a typed query when its variables change, optionally polling, and keeps data, errors, loading.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useCallback, useEffect, useRef, useState } from "react";

import { request } from "./client";
import { toApiErrors, type ApiError } from "./errors";

export interface QueryState<TData> {
  data: TData | null;
  errors: ApiError[];
  loading: boolean;
  reload: () => void;
}

export function useQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { pollMs?: number; skip?: boolean } = {},
): QueryState<TData> {
  const [data, setData] = useState<TData | null>(null);
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [loading, setLoading] = useState(!options.skip);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  const latest = useRef(0);

  useEffect(() => {
    if (options.skip) return;
    const call = ++latest.current;
    setLoading(true);
    request(document, JSON.parse(key) as TVariables)
      .then((result) => {
        if (call !== latest.current) return;
        setData(result.data);
        setErrors(result.errors);
      })
      .catch((error: unknown) => {
        if (call === latest.current) setErrors(toApiErrors(error));
      })
      .finally(() => {
        if (call === latest.current) setLoading(false);
      });
  }, [document, key, tick, options.skip]);

  useEffect(() => {
    if (!options.pollMs) return;
    const timer = window.setInterval(() => setTick((t) => t + 1), options.pollMs);
    return () => window.clearInterval(timer);
  }, [options.pollMs]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, errors, loading, reload };
}
