package sandbox

// groupExists reports whether the account has group gid. Placeholder until the group store exists.
func (st *state) groupExists(gid string) bool { return false }
