package org.hwsim.lfs.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the node tree and of content ids. */
class NodeTreePropertyTest {
    /** Every block's direct node hangs off the inode within three levels (inode, double-indirect, indirect). */
    @Property(tries = 2000)
    void everyDirectNodeReachesTheInode(@ForAll @LongRange(min = 0, max = NodeTree.MAX_BLOCKS - 1) long block) {
        int off = NodeTree.dnodeOffset(block);
        assertTrue(off >= 0);
        assertTrue(!NodeTree.isIndirect(off), "a data pointer lives in a direct node or the inode");
        int steps = 0;
        while (off != 0) {
            off = NodeTree.parentOffset(off);
            steps++;
        }
        assertTrue(steps <= 3, "depth " + steps);
    }

    /** Blocks sharing a direct node are a contiguous run of 873 (inode) or 1,018 pointers. */
    @Property(tries = 2000)
    void aDirectNodeCoversAContiguousRun(@ForAll @LongRange(min = 873, max = NodeTree.MAX_BLOCKS - 2) long block) {
        long rel = block - 873;
        boolean lastInNode = rel % 1018 == 1017;
        assertEquals(!lastInNode, NodeTree.dnodeOffset(block) == NodeTree.dnodeOffset(block + 1));
    }

    @Property(tries = 500)
    void contentIdsRoundTrip(@ForAll @LongRange(min = 0, max = (1L << 43) - 1) long base,
                             @ForAll @IntRange(min = 0, max = (1 << 20) - 1) int version) {
        long id = ContentModel.id(base, version);
        assertEquals(base, ContentModel.base(id));
        assertEquals(version, ContentModel.version(id));
    }
}
