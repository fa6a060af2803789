package org.hwsim.lfs.flash;

/**
 * The shape of a NAND device: {@code channels x chipsPerChannel x diesPerChip x planesPerDie}
 * planes, each with {@code blocksPerPlane} erase blocks of {@code pagesPerBlock} pages of {@code
 * pageSizeBytes}.
 *
 * <p>Pages are striped over planes: consecutive device pages go to consecutive planes, and one
 * <em>superblock</em> is block {@code b} of every plane ({@link #pagesPerSuperblock()} pages), the
 * erase unit commercial controllers manage and the unit the file system aligns its sections to
 * (f2fs.rst: "section ... aligned to the erase unit of the FTL"). Example: 2 channels x 1 chip x 1
 * die x 2 planes with 256 pages of 4 KiB per block and 256 blocks per plane is 1 GiB with 4 MiB
 * superblocks.
 *
 * @param channels independent buses, at least 1
 * @param chipsPerChannel packages sharing a channel, at least 1
 * @param diesPerChip dies per package, at least 1
 * @param planesPerDie planes per die, at least 1
 * @param blocksPerPlane erase blocks per plane, at least 2
 * @param pagesPerBlock pages per erase block, at least 1
 * @param pageSizeBytes bytes per page; the file system needs 4096
 */
public record FlashGeometry(int channels, int chipsPerChannel, int diesPerChip, int planesPerDie,
                            int blocksPerPlane, int pagesPerBlock, int pageSizeBytes) {

    /** Validates every field. */
    public FlashGeometry {
        positive("channels", channels, 1);
        positive("chipsPerChannel", chipsPerChannel, 1);
        positive("diesPerChip", diesPerChip, 1);
        positive("planesPerDie", planesPerDie, 1);
        positive("blocksPerPlane", blocksPerPlane, 2);
        positive("pagesPerBlock", pagesPerBlock, 1);
        if (pageSizeBytes < 512 || Integer.bitCount(pageSizeBytes) != 1) {
            throw new IllegalArgumentException("pageSizeBytes must be a power of two >= 512: " + pageSizeBytes);
        }
        long pages = (long) channels * chipsPerChannel * diesPerChip * planesPerDie * blocksPerPlane * pagesPerBlock;
        if (pages > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("total pages must be at most " + Integer.MAX_VALUE + ": " + pages);
        }
    }

    private static void positive(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ": " + value);
        }
    }

    /**
     * A default geometry of {@code capacityGib} GiB with 4 KiB pages and 256 pages per block:
     * 4 channels x 2 chips x 2 dies x 2 planes (32 planes, 32 MiB superblocks) from 16 GiB up,
     * 2 x 1 x 1 x 2 (4 planes, 4 MiB superblocks) below, so small devices keep enough superblocks
     * for cleaning.
     */
    public static FlashGeometry forCapacityGib(int capacityGib) {
        if (capacityGib < 1 || capacityGib > 4096) {
            throw new IllegalArgumentException("capacityGib must be in [1, 4096]: " + capacityGib);
        }
        int ch = capacityGib >= 16 ? 4 : 2;
        int chips = capacityGib >= 16 ? 2 : 1;
        int dies = capacityGib >= 16 ? 2 : 1;
        int planes = 2;
        int pagesPerBlock = 256;
        long planesTotal = (long) ch * chips * dies * planes;
        long blocks = ((long) capacityGib << 30) / (planesTotal * pagesPerBlock * 4096L);
        return new FlashGeometry(ch, chips, dies, planes, (int) blocks, pagesPerBlock, 4096);
    }

    /** Planes in the device. */
    public int planes() {
        return channels * chipsPerChannel * diesPerChip * planesPerDie;
    }

    /** Dies in the device. */
    public int dies() {
        return channels * chipsPerChannel * diesPerChip;
    }

    /** Pages in one superblock (block {@code b} of every plane). */
    public int pagesPerSuperblock() {
        return planes() * pagesPerBlock;
    }

    /** Erase blocks in the device. */
    public long blocks() {
        return (long) planes() * blocksPerPlane;
    }

    /** Pages in the device. */
    public long pages() {
        return blocks() * pagesPerBlock;
    }

    /** Raw capacity in bytes. */
    public long capacityBytes() {
        return pages() * pageSizeBytes;
    }
}
