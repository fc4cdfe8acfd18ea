package dev.inkan.arc;

/** Why one step of validation failed: the reason and a human detail naming the field. */
record ArcFailure(ArcReason reason, String detail) {
}
