/// Drain's routing tree: the first level is keyed by token count, the next `depth` levels by the
/// message's leading tokens; leaves hold the slots of the templates that share that path.
///
/// A token that holds a digit or a wildcard, or that would give a node more than `maxChildren`
/// children, goes to the node's wildcard child instead. Empty leaves are removed, so the node count
/// stays within `templates × (depth + 1) + 1`.
struct PrefixTree: Sendable {
    struct Node: Sendable {
        var parent: Int
        /// Key in the parent (a token count or a token hash); unused for wildcard children.
        var key: Int
        var isWildcardChild: Bool
        var children: [RouteKey: Int] = [:]
        var wildcardChild: Int = PrefixTree.none
        /// Template slots held by a leaf.
        var slots: [Int] = []
    }

    static let none = -1
    private static let rootIndex = 0

    private(set) var nodes: [Node] = [Node(parent: PrefixTree.none, key: 0, isWildcardChild: false)]
    private var freeNodes: [Int] = []
    let depth: Int
    let maxChildren: Int

    init(depth: Int, maxChildren: Int) {
        self.depth = depth
        self.maxChildren = maxChildren
    }

    var liveNodeCount: Int { nodes.count - freeNodes.count }

    /// The leaf a message would be compared in, without changing the tree.
    func findLeaf(_ tokens: MessageTokens) -> Int? {
        guard var node = nodes[Self.rootIndex].children[RouteKey(tokens.count)] else { return nil }
        for level in 0..<min(depth, tokens.count) {
            var next = Self.none
            if !tokens.tokens[level].variable,
                let exact = nodes[node].children[RouteKey(Int(truncatingIfNeeded: tokens.hash(level)))]
            {
                next = exact
            } else {
                next = nodes[node].wildcardChild
            }
            guard next != Self.none else { return nil }
            node = next
        }
        return node
    }

    /// The leaf a new template for `tokens` belongs in, creating the path as needed.
    mutating func leafForInsert(_ tokens: MessageTokens) -> Int {
        leafForInsert(count: tokens.count) { (tokens.hash($0), tokens.tokens[$0].variable) }
    }

    /// The leaf for a template of `count` tokens whose token `level` has `route(level)` as hash and
    /// variable flag, creating the path as needed.
    mutating func leafForInsert(count: Int, route: (Int) -> (hash: UInt64, variable: Bool)) -> Int {
        var node = child(of: Self.rootIndex, key: count)
        for level in 0..<min(depth, count) {
            let (fullHash, variable) = route(level)
            let hash = Int(truncatingIfNeeded: fullHash)
            if !variable {
                if let exact = nodes[node].children[RouteKey(hash)] {
                    node = exact
                    continue
                }
                if nodes[node].children.count < maxChildren {
                    node = child(of: node, key: hash)
                    continue
                }
            }
            node = wildcardChild(of: node)
        }
        return node
    }

    /// Calls `visit` with each leaf holding templates below the token-count node for `count`,
    /// except `excluding`, depth first, until `visit` returns false. Nodes after the stop are
    /// not walked, so a bounded search costs what it looks at, not the size of the tree.
    func visitLeaves(count: Int, excluding: Int?, _ visit: (Int) -> Bool) {
        guard let top = nodes[Self.rootIndex].children[RouteKey(count)] else { return }
        visitLeaves(below: [top], excluding: excluding, visit)
    }

    /// Like ``visitLeaves(count:excluding:_:)``, for the leaves where templates whose first token
    /// has `hash` (and `variable` flag) can be: below that token's child and the wildcard child of
    /// the token-count node.
    func visitLeaves(count: Int, firstToken hash: UInt64, variable: Bool, _ visit: (Int) -> Bool) {
        guard let top = nodes[Self.rootIndex].children[RouteKey(count)] else { return }
        guard depth > 0 else { return visitLeaves(below: [top], excluding: nil, visit) }
        var starts: [Int] = []
        if !variable, let exact = nodes[top].children[RouteKey(Int(truncatingIfNeeded: hash))] { starts.append(exact) }
        if nodes[top].wildcardChild != Self.none { starts.append(nodes[top].wildcardChild) }
        visitLeaves(below: starts, excluding: nil, visit)
    }

    private func visitLeaves(below starts: [Int], excluding: Int?, _ visit: (Int) -> Bool) {
        var stack = starts
        while let node = stack.popLast() {
            if !nodes[node].slots.isEmpty && node != excluding {
                guard visit(node) else { return }
            }
            stack.append(contentsOf: nodes[node].children.values)
            if nodes[node].wildcardChild != Self.none { stack.append(nodes[node].wildcardChild) }
        }
    }

    func slots(at leaf: Int) -> [Int] { nodes[leaf].slots }

    /// Calls `body` with the slots of `leaf`, without copying them.
    @inline(__always)
    func withSlots<R>(at leaf: Int, _ body: (UnsafeBufferPointer<Int>) -> R) -> R {
        nodes.withUnsafeBufferPointer { $0[leaf].slots.withUnsafeBufferPointer(body) }
    }

    mutating func add(slot: Int, to leaf: Int) { nodes[leaf].slots.append(slot) }

    /// Removes `slot` from `leaf`, then removes the nodes this leaves empty.
    mutating func remove(slot: Int, from leaf: Int) {
        if let k = nodes[leaf].slots.firstIndex(of: slot) { nodes[leaf].slots.remove(at: k) }
        var node = leaf
        while node != Self.rootIndex, nodes[node].slots.isEmpty, nodes[node].children.isEmpty,
            nodes[node].wildcardChild == Self.none
        {
            let parent = nodes[node].parent
            if nodes[node].isWildcardChild {
                nodes[parent].wildcardChild = Self.none
            } else {
                nodes[parent].children[RouteKey(nodes[node].key)] = nil
            }
            nodes[node] = Node(parent: Self.none, key: 0, isWildcardChild: false)
            freeNodes.append(node)
            node = parent
        }
    }

    /// Moves `slot` to the front of its leaf so recently used templates are compared first.
    mutating func promote(slot: Int, in leaf: Int) {
        guard let k = nodes[leaf].slots.firstIndex(of: slot), k > 0 else { return }
        nodes[leaf].slots.swapAt(k, k - 1)
    }

    /// The path from the root to `leaf`: the token count, then one key per level (`nil` for a
    /// wildcard child).
    func route(to leaf: Int) -> [Int?] {
        var keys: [Int?] = []
        var node = leaf
        while node != Self.rootIndex && node != Self.none {
            keys.append(nodes[node].isWildcardChild ? nil : nodes[node].key)
            node = nodes[node].parent
        }
        return keys.reversed()
    }

    /// The leaf at the end of `route` (see ``route(to:)``), creating the path as needed; `nil` when
    /// the route cannot be a leaf's here (its length does not fit the token count and depth).
    mutating func leaf(atRoute route: [Int?]) -> Int? {
        guard let first = route.first, let count = first, count >= 0, route.count == min(depth, count) + 1 else { return nil }
        var node = child(of: Self.rootIndex, key: count)
        for key in route.dropFirst() {
            node = key.map { child(of: node, key: $0) } ?? wildcardChild(of: node)
        }
        return node
    }

    private mutating func child(of parent: Int, key: Int) -> Int {
        if let existing = nodes[parent].children[RouteKey(key)] { return existing }
        let node = allocate(Node(parent: parent, key: key, isWildcardChild: false))
        nodes[parent].children[RouteKey(key)] = node
        return node
    }

    private mutating func wildcardChild(of parent: Int) -> Int {
        if nodes[parent].wildcardChild != Self.none { return nodes[parent].wildcardChild }
        let node = allocate(Node(parent: parent, key: 0, isWildcardChild: true))
        nodes[parent].wildcardChild = node
        return node
    }

    private mutating func allocate(_ node: Node) -> Int {
        if let reused = freeNodes.popLast() {
            nodes[reused] = node
            return reused
        }
        nodes.append(node)
        return nodes.count - 1
    }
}
