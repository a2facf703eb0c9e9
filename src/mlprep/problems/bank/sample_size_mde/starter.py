def sample_size_mde(baseline_rate, mde, alpha=0.05, power=0.8):
    """Return the number of users needed in EACH arm (an int, rounded up with math.ceil)."""
    n_per_arm = 0
    # Your code here.
    return n_per_arm
