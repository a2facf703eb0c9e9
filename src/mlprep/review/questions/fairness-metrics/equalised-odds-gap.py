"""Equalised-odds difference: the larger of the TPR and FPR gaps between two groups."""


def answer() -> float:
    tp_a, fn_a, fp_a, tn_a = 80, 20, 30, 170  # as stated in the question
    tp_b, fn_b, fp_b, tn_b = 45, 15, 10, 130
    tpr_gap = abs(tp_a / (tp_a + fn_a) - tp_b / (tp_b + fn_b))
    fpr_gap = abs(fp_a / (fp_a + tn_a) - fp_b / (fp_b + tn_b))
    return max(tpr_gap, fpr_gap)
