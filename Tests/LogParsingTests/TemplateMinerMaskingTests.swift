import Testing

@testable import LogParsing

@Suite("Template miner masking")
struct TemplateMinerMaskingTests {
    @Test(
        "values become wildcards and structure stays",
        arguments: [
            ("42", "<*>"),
            ("-17", "<*>"),
            ("0x7fed806eb5d", "<*>"),
            ("53ms", "<*>"),
            ("16K", "<*>"),
            ("10.251.73.220:50010", "<*>:<*>"),
            ("/10.250.19.102", "<*>"),
            ("blk_-6952295868487656571", "<*>"),
            ("job_1445144423722_0020", "<*>"),
            ("b9000564-fe1a-409b-b8cc-1e88b294cd1d", "<*>"),
            ("[instance:", "[instance:"),
            ("uid=0", "uid=<*>"),
            ("size=67108864,", "size=<*>,"),
            ("force=true,", "force=<*>,"),
            ("node-128", "node-<*>"),
            ("/var/log/messages", "<*>"),
            ("path=/var/log/app.log", "path=<*>"),
            ("(1.98", "(<*>"),
            ("02:38:22", "<*>:<*>:<*>"),
            ("v6.1.7601.23505", "<*>"),
            ("short.weixin.qq.com:80", "<*>:<*>"),
            ("e3b0c44298fc", "<*>"),
        ])
    func masksValues(token: String, expected: String) {
        #expect(TokenMasker.mask(token) == expected)
    }

    @Test(
        "words, identifiers and class names stay literal",
        arguments: [
            "eth1", "ssh2", "SOCKS5", "L3", "wl0:", "pam_unix(sshd:auth):", "x86_64",
            "org.apache.hadoop.mapreduce.v2.app.MRAppMaster", "mapred.job.id", "[preauth]", "deadbeef",
            "Pentium", "user=guest", "<*>",
        ])
    func keepsLiterals(token: String) {
        #expect(TokenMasker.mask(token) == token)
    }

    @Test("masking can be turned off")
    func maskingOff() {
        var miner = TemplateMiner(config: TemplateMinerConfig(masking: false))
        let match = miner.add("took 53ms on node-7")
        #expect(match.template == "took 53ms on node-7")
        #expect(match.params.isEmpty)
    }

    @Test("date names before numbers are masked, other words are not")
    func dateNames() {
        var miner = TemplateMiner()
        #expect(miner.add("connection at Fri Jun 17 07:07:00 2005").template == "connection at <*> <*> <*> <*>:<*>:<*> <*>")
        #expect(miner.add("May the build pass").template == "May the build pass")
    }
}
