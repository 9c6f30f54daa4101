import FaultMavenCore
import Foundation
import Testing

@testable import LogIngest

/// Paths that are symlinks (Kubernetes' /var/log/containers/*.log point into /var/log/pods).
@Suite(.serialized) struct TailSymlinkTests {
    @Test func followsTheTargetAndARepointedLink() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let real1 = dir.file("pod-0.log"), real2 = dir.file("pod-1.log")
        let link = dir.file("containers/app.log")
        try FileManager.default.createDirectory(atPath: dir.file("containers"), withIntermediateDirectories: true)
        try writeFile(real1, "a1\n")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real1)
        let h = TailHarness(TailSourceTests.config([dir.file("containers/*.log")], head: true))
        try await h.waitLines(1)
        try append(real1, "a2\n")
        try await h.waitLines(2)

        // The container restarts: a new file, and the link now points to it.
        try writeFile(real2, "b1\n")
        try FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real2)
        try append(real1, "a3\n")  // the old file's last words still arrive (rotate_wait)
        try append(real2, "b2\n")
        try await h.waitLines(5)
        try await h.stop()
        #expect(Set(h.texts) == ["a1", "a2", "a3", "b1", "b2"])
        #expect(h.texts.count == 5, "each line once: \(h.texts)")
        #expect(h.texts.filter { $0.hasPrefix("b") } == ["b1", "b2"])
    }
}
