import Foundation
import FoundationNetworking
let sem = DispatchSemaphore(value: 0)
for s in ["http://[::1]:18098/", "http://[0:0:0:0:0:0:0:1]:18098/"] {
URLSession.shared.dataTask(with: URL(string: s)!) { d, r, e in print(s, (r as? HTTPURLResponse)?.statusCode as Any, e as Any); sem.signal() }.resume()
sem.wait() }
