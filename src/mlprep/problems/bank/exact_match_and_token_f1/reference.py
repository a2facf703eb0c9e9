from collections import Counter


def _token_f1(prediction, reference):
    if not prediction or not reference:
        return float(prediction == reference)  # both empty: 1; only one empty: 0
    common = Counter(prediction) & Counter(reference)  # multiset intersection: min of counts
    overlap = sum(common.values())
    if overlap == 0:
        return 0.0
    precision = overlap / len(prediction)
    recall = overlap / len(reference)
    return 2 * precision * recall / (precision + recall)


def exact_match_and_token_f1(predictions, references):
    em_total = f1_total = 0.0
    for prediction, answers in zip(predictions, references, strict=True):
        prediction = list(prediction)
        # Each score is the best over the question's references, taken separately.
        em_total += max(float(prediction == list(answer)) for answer in answers)
        f1_total += max(_token_f1(prediction, list(answer)) for answer in answers)
    n = len(predictions)
    return em_total / n, f1_total / n
