package org.hwsim.lfs.fs;

/**
 * The contents of a node page written with an fsync mark, as roll-forward recovery reads them: the
 * footer's owner (file name, which F2FS keeps in the inode for {@code recover_dentry}, node id and
 * node offset) and the block pointers of the node's range; an inode also carries the size, the
 * inline data and the node ids of the file's other nodes ({@code i_nid}).
 *
 * @param fileName owning file
 * @param isDir the file is a directory
 * @param dataLog the file's data log
 * @param nid node id
 * @param offset node offset in the file's node tree (0 = inode)
 * @param firstBlock file block of {@code addrs[0]}
 * @param addrs main-area addresses of the node's blocks (-1 for holes); empty for indirect nodes
 * @param sizeBytes file size (inodes only)
 * @param inline the data is inline (inodes only)
 * @param inlineContent inline content id (inodes only)
 * @param nodeNids node id per node offset of the file, 0 if none (inodes only, else null)
 * @param deltaChains with DeltaFS, the area chains of the node's blocks and, for an inode, the
 *     file's inline chains; null when there are none or deltas are off
 */
record NodePayload(String fileName, boolean isDir, byte dataLog, int nid, int offset, long firstBlock, int[] addrs,
                   long sizeBytes, boolean inline, long inlineContent, int[] nodeNids, DeltaChain[] deltaChains) {
}
