/**
 * An F2FS-like log-structured file system on a {@link org.hwsim.lfs.flash.FlashDevice}, after
 * C. Lee et al., "F2FS: A New File System for Flash Storage", USENIX FAST 2015, and the kernel's
 * {@code Documentation/filesystems/f2fs.rst}.
 *
 * <p>Modelled: 4 KiB blocks, 2 MiB segments of 512 blocks, sections (the cleaning unit, aligned to
 * the flash superblock) and one zone per section; a superblock and a meta area holding two
 * checkpoint packs, the NAT (node id to block address) and the SIT (valid counts and bitmaps per
 * segment) updated through their checkpoint journals (38 NAT and 6 SIT entries, F2FS's
 * {@code NAT_JOURNAL_ENTRIES} and {@code SIT_JOURNAL_ENTRIES}), and segment summaries (the reverse
 * map from a block to its owner); inodes with 873 direct pointers (923 minus the 50 of the inline
 * xattr area), two direct, two indirect and one double-indirect node of 1,018 entries each; inline
 * data up to 3,488 bytes ({@code MAX_INLINE_DATA} with the default inline xattr area); six active
 * logs with F2FS's placement rules (hot/warm/cold x node/data); fsync that writes the file's
 * dirty nodes with an fsync mark; foreground greedy and background cost-benefit cleaning with
 * configurable triggers; checkpoints after foreground cleaning and periodically; threaded logging
 * (slack space recycling); discard of freed sections. Numbers are F2FS's on-disk constants from
 * {@code include/linux/f2fs_fs.h}.
 *
 * <p>{@link org.hwsim.lfs.fs.LogFs} is the public face and serves the requests; its state lives in
 * package-private parts: {@code SegmentTable} (SIT bitmaps, segment summaries, section states),
 * {@code FileTable} (per-file block maps and content ids), {@code NodeTable} (NAT, dirty nodes,
 * fsync marks), {@code LogAllocator} (free sections and the six {@code CURSEG_*} logs, threaded
 * logging), {@code NodeWriter}, {@code Cleaner} ({@code f2fs_gc}), {@code CheckpointWriter},
 * {@code Fsck} (mount-time SIT claim and the consistency check), {@code Prefill} and
 * {@code DeltaSpace} (the block services DeltaFS uses).
 *
 * <p>Crash consistency: {@link org.hwsim.lfs.fs.FlashImage} is what flash holds at a power cut
 * (programs completed by then persist, programs under way are torn), {@link
 * org.hwsim.lfs.fs.Recovery} is F2FS's mount after a crash (newest complete checkpoint pack, roll
 * back, roll forward of fsync-marked node pages: {@code fs/f2fs/recovery.c}) and {@link
 * org.hwsim.lfs.fs.CrashChecker} checks the result against the image and the acknowledged writes.
 * With deltas on, checkpoint packs and fsync-marked nodes carry the delta chains ({@code
 * DeltaChain}: inline ones with the inode, delta-area ones with the node indexing the block), delta
 * pages are their own owner kind in the image, and recovery rebuilds the delta store.
 *
 * <p>DeltaFS delta compression (C. Wu et al., "DeltaFS: Pursuing Zero Update Overhead via
 * Metadata-Enabled Delta Compression for Log-structured File System on Mobile Devices", arXiv
 * 2210.04623, 2022; and its successor MedFS, USENIX FAST 2025): {@link
 * org.hwsim.lfs.fs.DeltaConfig} switches it on; {@code DeltaStore} keeps per-block delta chains on
 * top of a base page, in the inode's inline area ({@code InlineDeltaArea}, 3,488 bytes, least
 * recently updated chains merged or evicted first) or in delta pages of the main area written
 * through the hot data log; {@link org.hwsim.lfs.fs.DeltaStats} counts what it did. With deltas off
 * the file system is the baseline, bit for bit.
 */
package org.hwsim.lfs.fs;
