package org.hwsim.lfs.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.hwsim.core.workload.IoOp;
import org.hwsim.core.workload.IoRequest;
import org.hwsim.core.workload.WorkloadFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each format on lines written after its documentation, and line-numbered errors. */
class TraceReaderTest {
    static List<IoRequest> read(String text, TraceFormat f) {
        List<IoRequest> out = new ArrayList<>();
        try (TraceReader r = TraceReader.of(new StringReader(text), "t.trace", f)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void disksimMqsimAscii() {
        // MQSim ASCII: arrival time (ns), device, start LBA, size in sectors, type (0 write, 1 read).
        List<IoRequest> rs = read("# comment\n0 0 8 8 0\n1500.5 1 16 1 1\n\n", TraceFormat.DISKSIM);
        assertEquals(2, rs.size());
        assertEquals(IoRequest.write(0, "dev0", 4096, 4096), rs.get(0));
        assertEquals(IoRequest.read(1_500_500, "dev1", 8192, 512), rs.get(1));
    }

    @Test
    void msrCambridge() {
        // From the SNIA MSR Cambridge traces (hm_0.csv layout): filetime, host, disk, type, offset, size, response.
        String text = "128166372003061629,hm,0,Write,3154152960,4096,2486\n"
                + "128166372003071629,hm,0,Read,4096,8192,100\n";
        List<IoRequest> rs = read(text, TraceFormat.MSR);
        assertEquals(IoRequest.write(0, "hm_0", 3154152960L, 4096), rs.get(0));
        assertEquals(IoRequest.read(10_000L * 100_000L, "hm_0", 4096, 8192), rs.get(1)); // 1 ms later
    }

    @Test
    void blkparseReplaysQueueEventsAndSkipsTheSummary() {
        String text = "  8,0    3        1     0.000000000   697  Q   W 223490 + 8 [kjournald]\n"
                + "  8,0    3        2     0.000001000   697  G   W 223490 + 8 [kjournald]\n"
                + "  8,0    3        3     0.000500000   697  Q   R 100 + 16 [cat]\n"
                + "  8,0    3        4     0.000600000   697  Q  DS 200 + 8 [fstrim]\n"
                + "  8,0    3        5     0.000700000   697  Q FWS [sync]\n"
                + "CPU3 (8,0):\n Reads Queued:           1,        8KiB\n";
        List<IoRequest> rs = read(text, TraceFormat.BLKPARSE);
        assertEquals(4, rs.size());
        assertEquals(IoRequest.write(0, "blk8_0", 223490L * 512, 4096), rs.get(0));
        assertEquals(IoRequest.read(500_000_000L, "blk8_0", 51200, 8192), rs.get(1));
        assertEquals(IoOp.TRIM, rs.get(2).op());
        assertEquals(IoRequest.fsync(700_000_000L, "blk8_0"), rs.get(3));
    }

    @Test
    void hwsimCsv() {
        String text = "timestampNs,op,file,offset,length,contentSeed\n"
                + "10,write,/data/a.db,0,4096,42\n20,read,/data/a.db,0,100\n30,fsync,/data/a.db,0,0\n";
        List<IoRequest> rs = read(text, TraceFormat.CSV);
        assertEquals(IoRequest.write(10_000, "/data/a.db", 0, 4096, 42), rs.get(0));
        assertEquals(IoRequest.fsync(30_000, "/data/a.db"), rs.get(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "disksim|0 0 8 8 0\\n0 0 8 8 2|t.trace:2|op",
        "disksim|0 0 8 8 0\\n\\n5 0 x 8 0|t.trace:3|lba",
        "disksim|0 0 8|t.trace:1|5 fields",
        "disksim|10 0 8 8 0\\n5 0 8 8 0|t.trace:2|backwards",
        "msr|1,hm,0,Write,0,4096,1\\n2,hm,0,Erase,0,4096,1|t.trace:2|Type",
        "msr|1,hm,0,Write,0,0,1|t.trace:1|Size",
        "blkparse|  8,0 3 1 0.1 697 Q W 10 + x [a]|t.trace:1|count",
        "blkparse|garbage line|t.trace:1|blkparse line",
        "csv|1,write,/a,0,4096\\n2,erase,/a,0,1|t.trace:2|op",
        "csv|1,fsync,/a,5,0|t.trace:1|fsync",
    })
    void malformedLinesNameTheLineAndTheReason(String format, String text, String where, String reason) {
        WorkloadFormatException e = assertThrows(WorkloadFormatException.class,
                () -> read(text.replace("\\n", "\n"), TraceFormat.byId(format)));
        assertTrue(e.getMessage().startsWith(where + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void unknownFormatNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceFormat.byId("spc"));
        assertTrue(e.getMessage().contains("spc") && e.getMessage().contains("blkparse"));
        assertFalse(TraceFormat.CSV.isBlockLevel());
    }
}
