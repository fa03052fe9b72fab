# restore
