"""ST: staleness — is each translation up to date with its source, by the git history?"""
