import MarrowCore
