// Package editdist is the one edit distance of the SDK: the model's "did you
// mean" in package semantic and the offline analyst's typo tolerance both use it.
package editdist
