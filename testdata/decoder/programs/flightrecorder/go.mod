module fr
go 1.25
