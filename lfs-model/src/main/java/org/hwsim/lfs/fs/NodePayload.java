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
    /** What the page of node {@code nid} written now holds; {@code deltas} null when deltas are off. */
    static NodePayload of(int nid, FileTable ft, NodeTable nodes, DeltaStore deltas) {
        int f = nodes.nidFile[nid];
        int off = nodes.nidOffset[nid];
        long first = NodeTree.firstBlock(off);
        int n = first < 0 ? 0 : off == 0 ? NodeTree.ADDRS_PER_INODE : NodeTree.ADDRS_PER_BLOCK;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = ft.getAddr(f, first + i);
        }
        DeltaChain[] chains = deltas == null ? null : deltas.nodeChains(f, Math.max(0, first), n, off == 0);
        return new NodePayload(ft.names[f], ft.isDir[f], ft.dataLog[f], nid, off, Math.max(0, first), a,
                ft.sizeBytes[f], ft.inline[f], ft.inlineContent[f], off == 0 ? nodes.nodeNid[f].clone() : null,
                chains);
    }
}
