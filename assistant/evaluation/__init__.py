"""Evaluation: scorers for each capability and a runner that writes reports to evals/results/."""
