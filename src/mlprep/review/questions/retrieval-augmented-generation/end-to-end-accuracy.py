"""End-to-end RAG accuracy from retrieval recall and conditional reader accuracies."""


def answer() -> float:
    recall, acc_with, acc_without = 80 / 100, 90 / 100, 15 / 100  # as stated, in per cent
    return recall * acc_with + (1 - recall) * acc_without
