"use client";
import { useEffect, useRef, useState } from "react";

type Options<TData, TVars, TContext, TError> = {
  mutationFn: (vars: TVars) => Promise<TData>;
  /** Runs before the call: show the change at once; what it returns reaches onError (to roll back). */
  onMutate?: (vars: TVars) => TContext;
  onError?: (error: TError, vars: TVars, context: TContext | undefined) => void;
  onSuccess?: (data: TData, vars: TVars) => void;
};

/**
 * The part of react-query's useMutation the comment and vote forms use: one call at a time,
 * optimistic callbacks, pending and success state. react-query itself (and its provider in the
 * root layout) cost every page about 9 KB gzip of first-load JavaScript for just this.
 */
export function useMutation<TData, TVars, TContext = unknown, TError = Error>(options: Options<TData, TVars, TContext, TError>) {
  const [status, setStatus] = useState<"idle" | "pending" | "success" | "error">("idle");
  // The callbacks of the latest render answer, as react-query's do.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const mutate = (vars: TVars) => {
    setStatus("pending");
    const context = options.onMutate?.(vars);
    options.mutationFn(vars).then(
      (data) => {
        setStatus("success");
        latest.current.onSuccess?.(data, vars);
      },
      (error: unknown) => {
        setStatus("error");
        // Like react-query, the rejection is taken to be what mutationFn throws (TError, by default Error).
        latest.current.onError?.(error as TError, vars, context);
      },
    );
  };
  return { mutate, isPending: status === "pending", isSuccess: status === "success" };
}
