# ${spec.header}
# Every file here is generated: forges fold them in pull-request diffs (review the spec change and `pgaks diff`
# instead), and no checkout converts line endings, which would break the hashes in .pgaks/manifest.json.
* linguist-generated=true
* text eol=lf
