import { type ChainLayoutInput, chainLayout } from "./chainLayout.ts";

/** The chain layout off the main thread: one request in, its positions out. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; input: ChainLayoutInput }>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (event) => {
  const { id, input } = event.data;
  try {
    scope.postMessage({ id, positions: chainLayout(input) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
