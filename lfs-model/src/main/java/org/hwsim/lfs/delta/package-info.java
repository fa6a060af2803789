/**
 * Delta compression of overwritten blocks for DeltaFS (Zhang et al., arXiv 2210.04623; its
 * successor MedFS, FAST'25): encoders that express a new block version against the one on flash,
 * XOR with run-length encoding (the in-place-update case) and VCDIFF-style copy/add (RFC 3284;
 * content that moved), behind one {@link org.hwsim.lfs.delta.DeltaCodec} contract.
 */
package org.hwsim.lfs.delta;
