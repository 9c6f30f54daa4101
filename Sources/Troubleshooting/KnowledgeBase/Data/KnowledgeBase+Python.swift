extension KnowledgeBase {
    /// Python tracebacks by kind.
    static let pythonEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "python-import-error", family: "python", title: "Python ImportError / ModuleNotFoundError", severity: .high,
            signals: ["modulenotfounderror: no module named", "importerror: cannot import name", "importerror: no module named", "importerror:"],
            topics: ["python", "import", "module", "pip", "dependency", "virtualenv"],
            likelyCauses: [
                "A dependency is missing from the image or virtualenv, or a different interpreter runs the app.",
                "A package upgrade removed or renamed the imported name.",
            ],
            nextSteps: [
                "Check the interpreter and package: `<venv>/bin/python -m pip show <package>` and `which python`.",
                "Compare installed versions with the lock file: `pip freeze | diff - requirements.lock`.",
            ]),
        KnowledgeEntry(
            id: "python-exception", family: "python", title: "Python exception (Traceback)", severity: .medium,
            signals: ["traceback (most recent call last)", "keyerror:", "typeerror:", "attributeerror:", "valueerror:", "indexerror:", "zerodivisionerror", "unboundlocalerror", "'nonetype' object"],
            topics: ["python", "traceback", "exception", "keyerror", "typeerror", "attributeerror", "bug"],
            likelyCauses: [
                "Code receives data of an unexpected shape (a missing key, None where an object was expected).",
                "A recent change introduced the bug, or an upstream changed its response format.",
            ],
            nextSteps: [
                "Read the last frames of the traceback (the exception line is last) and the input that reached them.",
                "Reproduce with the same input locally; add a test for it.",
                "Correlate the first traceback with deploys: `git log --since '<time>'` for the service.",
            ]),
        KnowledgeEntry(
            id: "python-recursion-memory", family: "python", title: "Python RecursionError or MemoryError", severity: .high,
            signals: ["recursionerror: maximum recursion depth exceeded", "maximum recursion depth exceeded", "memoryerror"],
            topics: ["python", "recursion", "memory", "depth"],
            likelyCauses: [
                "Unbounded recursion (cyclic data, a missing base case).",
                "Loading a whole large dataset into memory at once.",
            ],
            nextSteps: [
                "Find the repeating frames in the traceback.",
                "Profile memory: `python -X tracemalloc=25 app.py` or `py-spy dump --pid <pid>`.",
            ]),
    ]
}
