/** The spec a first-time user sees: small, valid, and showing the fields people change first. */
export const DEFAULT_SPEC = `apiVersion: flux-framework.org/v1alpha2
kind: MiniCluster
metadata:
  name: flux-sample
spec:
  # Number of pods, each running one Flux broker
  size: 4
  # Tasks for the command (here one per pod)
  tasks: 4
  logging:
    quiet: true
  containers:
    - image: ubuntu:noble
      command: echo hello world
`;
