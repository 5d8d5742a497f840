import MarrowCore
print("marrow")
