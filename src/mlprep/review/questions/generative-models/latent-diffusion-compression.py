"""Factor by which a latent autoencoder shrinks the values seen by the diffusion network."""


def answer() -> float:
    h, w, c = 512, 512, 3  # pixel space, as stated in the question
    lh, lw, lc = 64, 64, 4  # latent space
    return (h * w * c) / (lh * lw * lc)
