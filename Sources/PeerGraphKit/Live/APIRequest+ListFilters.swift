extension APIRequest.ListFilters {
    /// The part of `filter` the API can apply itself (`ListVpcPeerConnections` parameters). Only single
    /// values are passed where the API's meaning of several would differ from ours (tags: the API wants
    /// all, we keep any). The whole filter is still applied to what comes back.
    package init(_ filter: ConnectionFilter) {
        self.init()
        if filter.connectionIDs.count == 1 { instanceID = filter.connectionIDs[0] }
        if filter.names.count == 1, !filter.names[0].contains("*") { name = filter.names[0] }
        vpcIDs = filter.vpcIDs
        if filter.resourceGroupIDs.count == 1 { resourceGroupID = filter.resourceGroupIDs[0] }
        if filter.tags.count == 1 { tags = filter.tags }
    }
}
