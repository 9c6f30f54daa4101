import Testing
@testable import LogShipping

@Suite struct ChunkFrameTests {
    func frames() -> [UInt8] {
        let header = ChunkHeader(tag: "app", uniqueID: ChunkHeader.newUniqueID(), createdNanos: 5).encoded()
        return ChunkFrame.make(kind: .header, payload: header, compressed: false, records: 0, decodedLength: header.count)
            + ChunkFrame.make(kind: .records, payload: Array(repeating: 7, count: 100), compressed: false, records: 3, decodedLength: 100)
            + ChunkFrame.make(kind: .records, payload: Array(repeating: 9, count: 50), compressed: false, records: 4, decodedLength: 50)
    }

    @Test func wholeFileScansClean() {
        let bytes = frames()
        let scan = ChunkFrame.scan(bytes)
        #expect(scan.problem == nil)
        #expect(scan.frames.count == 3)
        #expect(scan.validLength == bytes.count)
        #expect(ChunkHeader.decode(Array(bytes[scan.frames[0].payload]))?.tag == "app")
    }

    @Test func tornTailKeepsPrefixAndCountsAnnouncedRecords() {
        let bytes = frames()
        let scan = ChunkFrame.scan(Array(bytes.dropLast(20)))
        #expect(scan.frames.count == 2)
        #expect(scan.validLength == bytes.count - 50 - ChunkFrame.headSize)
        #expect(scan.tornRecords == 4)
        #expect(scan.problem?.contains("torn frame") == true)
    }

    @Test func tornHeadIsDetected() {
        let bytes = frames()
        let cut = bytes.count - 50 - ChunkFrame.headSize + 10
        let scan = ChunkFrame.scan(Array(bytes[..<cut]))
        #expect(scan.frames.count == 2)
        #expect(scan.tornRecords == 0)
        #expect(scan.problem?.contains("torn frame head") == true)
    }

    @Test func flippedPayloadByteFailsTheChecksum() {
        var bytes = frames()
        bytes[bytes.count - 50 - ChunkFrame.headSize - 10] ^= 0xFF
        let scan = ChunkFrame.scan(bytes)
        #expect(scan.frames.count == 1)
        #expect(scan.tornRecords == 3)
        #expect(scan.problem?.contains("checksum") == true)
    }

    @Test func corruptedHeadIsNotTrustedForItsCount() {
        var bytes = frames()
        // The record-count field of the last frame's head.
        bytes[bytes.count - 50 - ChunkFrame.headSize + 13] ^= 0xFF
        let scan = ChunkFrame.scan(bytes)
        #expect(scan.frames.count == 2)
        #expect(scan.tornRecords == 0)
        #expect(scan.problem?.contains("invalid frame head") == true)
    }
}
